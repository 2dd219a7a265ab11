/** GitHub's size limits on check-run output, and a cut that says it cut. */

/** Characters GitHub accepts in a check run's `output.summary` and `output.text`. */
export const CHECK_TEXT_LIMIT = 65_535;

/** Characters of an annotation's `message`. */
export const ANNOTATION_MESSAGE_LIMIT = 64 * 1024 - 1;

/** Characters of an annotation's `title` and a check run's `output.title`. */
export const TITLE_LIMIT = 255;

/** Annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** `text` cut to `limit` characters at a line end, with a note saying how much was left out. */
export function fitText(text: string, limit: number = CHECK_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const note = `\n\n… cut to fit GitHub's limit (${text.length - limit}+ more characters); the PR comment and \`mlops check\` have the rest.`;
  const cut = text.slice(0, limit - note.length);
  const end = cut.lastIndexOf('\n');
  return `${end > 0 ? cut.slice(0, end) : cut}${note}`;
}

/** Drops control characters (annotations and titles are plain text shown as is). */
export function plainText(text: string, limit: number): string {
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  return clean.length <= limit ? clean : `${clean.slice(0, limit - 1)}…`;
}
