/** The runtime (and timer owner) name of the reviews capability. */
export const REVIEW_SERVICE = 'review';
