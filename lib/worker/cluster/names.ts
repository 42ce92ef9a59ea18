/** One name under the keys different texts give it (the clustering rule's evidence, a cluster's names). */

/**
 * An anchor's name whatever the engine typed it as: the engine types a name by the words around it (one
 * text's "LockBit gang" is the actor, another's "LockBit ransomware" the malware; "Samba" the vendor or
 * the product), and a company's legal form is said or not ("Sabre", "Sabre Corp"). CVEs and indicators
 * are their keys.
 */
export function canonical(k: string): string {
  const type = k.slice(0, k.indexOf(':'));
  if (type === 'vulnerability' || type === 'indicator') return k;
  return k.slice(type.length + 1).replace(LEGAL_FORM, '') || k;
}
const LEGAL_FORM = /(?:-(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|ag|sa|holdings?))+$/;
