/** What the page benchmark bundles into a plain page: the detector, the painter, and the engine (for the in-page alternative). */
export { detectArticle } from '../lib/detect';
export { createPainter } from '../lib/highlight';
export { loadMatcher } from '../lib/extract/matcher';
export { analyzeText } from '../lib/engine';
export { compileMatcher, serializeMatcher } from '../lib/extract/matcher';
