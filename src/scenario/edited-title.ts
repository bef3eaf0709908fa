/** A title marked "(edited)", once: a copy of a copy is not "(edited) (edited)". No imports: the page's first bundle takes it without the YAML loader. */
export function editedTitle(title: string): string {
  return title.endsWith(' (edited)') ? title : `${title} (edited)`;
}
