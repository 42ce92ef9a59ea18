/** What the reading view shows: the article being read, its analysis as far as it came, and the sidebar's state. */
import type { ArticleInfo } from '@/lib/page/detect';
import type { RelatedIncident } from '@/lib/shared/analysis/protocol';
import type { EntityType } from '@/lib/shared/types';
import type { CardState, ReadingAnalysis } from '@/components/sidebar/ReadingSidebar';
import type { SavedState } from '@/components/sidebar/SaveForm';
import type { Theme } from './theme';

export interface ViewState {
  info: ArticleInfo;
  url: string;
  analysis: ReadingAnalysis | null | 'error';
  related: RelatedIncident[] | null | 'error';
  saved: SavedState | null | undefined;
  saving: boolean;
  /** Why the last save failed: the sidebar says it (a save never fails silently). */
  saveError?: string;
  hidden: Set<EntityType>;
  collapsed: boolean;
  card: CardState | null;
  theme: Theme;
}
