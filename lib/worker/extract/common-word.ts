import { COMMON_WORDS } from './matcher/words/common-words';
import { sortedWordsLookup } from './matcher/words/sorted-words';

/** Whether a word in lower case is an ordinary English word (matcher/words/common-words.ts). Its own module: people.ts and malware-names.ts both read it. */
export const isCommonWord: (w: string) => boolean = sortedWordsLookup(COMMON_WORDS);
