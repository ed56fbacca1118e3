// Type declarations for the small untyped packages farleft uses.
declare module 'spdx-expression-parse' {
  type Leaf = { license: string; plus?: true; exception?: string };
  type Branch = { left: Leaf | Branch; conjunction: 'and' | 'or'; right: Leaf | Branch };
  export default function parse(source: string): Leaf | Branch;
}
