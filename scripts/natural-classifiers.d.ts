/** natural's two classifiers alone, for scripts/risk-compare.ts: the package entry loads dotenv and every storage backend. */
interface NaturalClassifier {
  addDocument(doc: string | readonly string[], label: string): void;
  train(): void;
  getClassifications(doc: string | readonly string[]): { label: string; value: number }[];
}

declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  const BayesClassifier: new () => NaturalClassifier;
  export default BayesClassifier;
}

declare module 'natural/lib/natural/classifiers/logistic_regression_classifier.js' {
  const LogisticRegressionClassifier: new () => NaturalClassifier;
  export default LogisticRegressionClassifier;
}
