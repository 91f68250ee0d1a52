/** axe-core's rule sets every view must pass, in every suite: WCAG 2.0, 2.1 and 2.2 A and AA, and
 * best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
