import { describe, expect, it } from 'vitest';
import { candidateAt, candidateCodeAt } from '../../src/model/names.js';

describe('the candidate as of a year', () => {
  const ussr = { name: 'Soviet Union (Russia from 1991-12)', code: 'RU', formerCode: 'SU' };

  it('is the Soviet Union, coded SU, until the year of the change, Russia, coded RU, after', () => {
    expect([candidateAt(ussr.name, 1990), candidateCodeAt(ussr, 1990)]).toEqual(['Soviet Union', 'SU']);
    expect([candidateAt(ussr.name, 1991), candidateCodeAt(ussr, 1991)]).toEqual(['Soviet Union', 'SU']);
    expect([candidateAt(ussr.name, 1992), candidateCodeAt(ussr, 1992)]).toEqual(['Russia', 'RU']);
  });

  it('keeps its code when it names no former one or no change', () => {
    expect(candidateCodeAt({ name: ussr.name, code: 'RU' }, 1990)).toBe('RU');
    expect(candidateCodeAt({ name: 'Russia', code: 'RU', formerCode: 'SU' }, 1990)).toBe('RU');
  });
});
