import { describe, expect, it } from 'vitest';
import { MissingVariableError, placeholders, render } from './template';

describe('render', () => {
  it('fills every placeholder, tolerating spaces inside the braces', () => {
    expect(render('Hi {{name}}, your order {{ order }} ships {{name}}-side.', { name: 'Ada', order: 42 })).toBe(
      'Hi Ada, your order 42 ships Ada-side.',
    );
  });

  it('leaves text without placeholders unchanged', () => {
    expect(render('Welcome!', {})).toBe('Welcome!');
  });

  it('names every missing variable at once', () => {
    const fill = () => render('{{a}} {{b}} {{c}}', { b: 'x' });
    expect(fill).toThrow(MissingVariableError);
    expect(fill).toThrow("template: missing variables 'a', 'c'");
  });
});

describe('placeholders', () => {
  it('lists distinct names in order of first use', () => {
    expect(placeholders('{{b}} {{a}} {{b}}')).toEqual(['b', 'a']);
  });
});
