// The promotion as the panel edits it (a DTO of the row: nothing in it is secret).
export type { Promotion as PromotionView } from '@/db/schema';
