/**
 * Minimal typings for the parts of node-nlp (4.x, untyped) and natural this
 * project uses. node-nlp's NeuralNetwork is @nlpjs/neural: one perceptron per
 * intent over a sparse {feature: value} input, leaky-ReLU outputs.
 */
declare module 'node-nlp' {
  export interface NeuralNetworkSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean;
  }
  export interface NeuralNetworkExample {
    input: Record<string, number>;
    output: Record<string, number>;
  }
  export interface NeuralNetworkJSON {
    settings: NeuralNetworkSettings;
    features?: string[];
    intents?: string[];
    perceptrons?: number[][];
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralNetworkSettings);
    train(corpus: NeuralNetworkExample[]): { iterations: number; error: number; deltaError: number };
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): NeuralNetworkJSON;
    fromJSON(json: NeuralNetworkJSON): void;
  }
}

/** node-nlp's classifiers alone (the entry module loads everything node-nlp has). */
declare module 'node-nlp/src/classifiers/index.js' {
  export { NeuralNetwork } from 'node-nlp';
}

/** natural's Porter stemmer alone: the package entry loads dotenv and every storage backend. */
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porterStemmer: { stem(word: string): string };
  export default porterStemmer;
}
