/** What the page benchmark bundles into a plain page: the detector, the painter, and the engine (for the in-page alternative). */
export { detectArticle } from '../lib/page/detect';
export { createPainter } from '../lib/page/highlight';
export { loadMatcher } from '../lib/worker/extract/matcher';
export { analyzeText } from '../lib/worker/engine';
export { compileMatcher, serializeMatcher } from '../lib/worker/extract/matcher';
