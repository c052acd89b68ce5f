import { describe, expect, it } from 'vitest';
import { imageIndexForVariant } from './gallery';

const variants = [
  { id: 'm-red', options: { Size: 'M', Colour: 'Red' } },
  { id: 'l-red', options: { Size: 'L', Colour: 'Red' } },
  { id: 'm-blue', options: { Size: 'M', Colour: 'Blue' } },
  { id: 'l-blue', options: { Size: 'L', Colour: 'Blue' } },
];

describe('imageIndexForVariant', () => {
  const images = [{ variantIds: [] }, { variantIds: ['m-red'] }, { variantIds: ['m-blue'] }];

  it('shows the image assigned to the picked variant', () => {
    expect(imageIndexForVariant(images, variants, 'm-blue')).toBe(2);
  });

  it('shows an image shared by several variants for each of them', () => {
    const shared = [{ variantIds: [] }, { variantIds: ['m-red'] }, { variantIds: ['m-blue', 'l-blue'] }];
    expect(imageIndexForVariant(shared, variants, 'm-blue')).toBe(2);
    expect(imageIndexForVariant(shared, variants, 'l-blue')).toBe(2);
    expect(imageIndexForVariant(shared, variants, 'l-red')).toBe(1);
  });

  it('lets a variant without an image use the one of the variant sharing most of its options', () => {
    // L / Blue shares its colour with M / Blue, and nothing with M / Red.
    expect(imageIndexForVariant(images, variants, 'l-blue')).toBe(2);
    expect(imageIndexForVariant(images, variants, 'l-red')).toBe(1);
  });

  it('falls back to the first image for every variant, then to the first image', () => {
    expect(imageIndexForVariant([{ variantIds: ['m-red'] }, { variantIds: [] }], variants, null)).toBe(1);
    expect(imageIndexForVariant([{ variantIds: ['m-red'] }, { variantIds: [] }], [{ id: 'x', options: { Size: 'S' } }], 'x')).toBe(1);
    expect(imageIndexForVariant([{ variantIds: ['m-red'] }], variants, 'unknown')).toBe(0);
    expect(imageIndexForVariant([], variants, 'm-red')).toBe(0);
  });
});
