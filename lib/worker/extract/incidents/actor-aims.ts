/**
 * Actors the catalogue knows as spies (`meta.motivation: 'espionage'`, state-sponsored groups): named as
 * the doer of an attack, such an actor is evidence that the attack is espionage, as an analyst reads
 * "APT28 launched credential harvesting attacks against ...". Their ids, not the seed's actors: importing
 * the seed put its 55 kB into the engine and the sync's reader bundle for these names. A unit test keeps
 * the list equal to the seed's (tests/unit/actor-aims.test.ts).
 */
export const SPY_IDS =
  'apt28 apt29 turla gamaredon star-blizzard energetic-bear saint-bear storm-0978 winter-vivern apt41 winnti-group volt-typhoon salt-typhoon flax-typhoon hafnium apt27 apt31 apt40 apt10 apt1 putter-panda apt3 apt5 apt12 ke3chang apt17 apt18 apt19 deep-panda apt30 naikon mustang-panda gallium storm-0558 unc3886 unc5221 unc4841 tonto-team tick lotus-blossom blacktech evasive-panda earth-lusca aquatic-panda backdoordiplomacy velvet-ant lazarus-group andariel kimsuky apt37 apt35 apt42 muddywater oilrig apt33 apt39 fox-kitten tortoiseshell domestic-kitten copykittens leafminer rocket-kitten apt32 sidewinder patchwork bitter transparent-tribe sidecopy gorgon-group darkhotel molerats arid-viper wirte polonium dark-caracal sea-turtle stealth-falcon equation-group ta428 ta459 ta413 tropic-trooper mirrorface earth-krahang uat4356 cloud-atlas sticky-werewolf donot-team bahamut confucius dark-pink unc2970 unc1549';

/** Keys as the matcher gives them (`actor:apt28`). */
const SPIES = new Set(SPY_IDS.split(' ').map((id) => `actor:${id}`));

/** Whether the actor of this key is known for espionage. */
export const knownSpy = (key: string): boolean => SPIES.has(key);
