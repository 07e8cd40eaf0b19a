/** The classes' colours in every chart of the Labels page (the theme's --good / --bad, and a neutral grey). */
export const classColours = {
  good: 'rgb(43 138 62 / 80%)',
  bad: 'rgb(201 42 42 / 80%)',
  none: 'rgb(134 142 150 / 45%)',
  line: 'rgb(59 91 219)',
} as const;
