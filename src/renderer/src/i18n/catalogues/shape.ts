// The shape a translation must have: the same keys as the English, each a string.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
