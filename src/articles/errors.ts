/** A problem with one input: reported as `stancegraph: <source>: <message>`, other inputs go on. */
export class InputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputProblem';
  }
}
