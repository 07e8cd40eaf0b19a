/** The labeling rules the Labels page explains; the math itself lives in src/shared once the labeler lands. */
export const labelingRules = [
  {
    name: 'Residual extremes',
    summary:
      'Fit log(likes) against log(followers) over all posts. The top 10% of residuals (more likes than the ' +
      'follower count predicts) are good, the bottom 10% bad; the middle is left out.',
  },
  {
    name: 'Karpathy bins',
    summary:
      'As in the original blog post: group posts of owners with similar follower counts into bins of 100, rank ' +
      'each bin by likes, and label the top half good and the bottom half bad.',
  },
  {
    name: 'Like ratio',
    summary: 'Rank posts by likes per follower and label the top and bottom fractions, a simple baseline.',
  },
] as const;
