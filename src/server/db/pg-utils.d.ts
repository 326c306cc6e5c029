// The pg driver's value formatting (its package exports lib/*), which @types/pg does not declare.
declare module 'pg/lib/utils.js' {
  const utils: {
    /** A parameter in the text form pg sends it: arrays as array literals, dates as timestamps, objects as JSON. */
    prepareValue(value: unknown): string | Buffer | null;
    /** `text` as a quoted SQL string literal. */
    escapeLiteral(text: string): string;
  };
  export default utils;
}
