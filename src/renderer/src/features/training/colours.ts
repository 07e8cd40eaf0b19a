export const colours = {
  train: 'rgb(59 91 219)',
  val: 'rgb(230 119 0)',
  good: 'rgb(43 138 62)',
  bad: 'rgb(201 42 42)',
  grey: 'rgb(134 142 150)',
} as const;

export const percent = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`);
