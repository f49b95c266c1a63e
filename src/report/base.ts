/**
 * The low-base threshold of every report section: a figure computed on fewer
 * verbatims than this (a period of the trends, a channel's score, an entry's
 * score impact, a heat-map share) is shown with its n and marked `lowBase`,
 * never drawn as if it were as solid as the others.
 */
export const LOW_BASE = 10;
