import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The search quality set and the seeded-phrase checks measure the demo catalogue as seeded, so their files run
// first: the products other files create (fixtures named "CSV …", "Pictured …") can never sit in their first page of
// results, whatever order the rest would run in. The rest keep Vitest's own order.
const SEEDED_CATALOGUE_FILES = /\/lib\/catalog\/search-(quality|matching)\.integration\.test\.ts$/;

export class SeededCatalogueFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = sorted.filter((file) => SEEDED_CATALOGUE_FILES.test(file.moduleId));
    return [...first, ...sorted.filter((file) => !first.includes(file))];
  }
}
