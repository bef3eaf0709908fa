/** What marks a title whose values differ from its file's. No imports: the page's first bundle takes it without the YAML loader. */
export const EDITED_MARK = ' (edited)';

/** A title marked "(edited)", once: a copy of a copy is not "(edited) (edited)". */
export function editedTitle(title: string): string {
  return title.endsWith(EDITED_MARK) ? title : `${title}${EDITED_MARK}`;
}

/** The id of an edited copy: "-edited", once. */
export function editedId(id: string): string {
  return `${id.replace(/-edited$/, '')}-edited`;
}
