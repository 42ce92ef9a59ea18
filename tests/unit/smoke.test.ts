import { describe, it, expect } from 'vitest';
import { ENTITY_TYPES } from '../../lib/types';
describe('types', () => { it('lists ten entity types', () => expect(ENTITY_TYPES).toHaveLength(10)); });
