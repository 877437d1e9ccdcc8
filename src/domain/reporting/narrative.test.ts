import { describe, expect, it } from 'vitest';
import { blocksToText, textToBlocks } from './narrative.js';

describe('narrative text form', () => {
  it('reads subheadings, bullets and paragraphs and writes them back the same', () => {
    const text =
      '# 1. Công tác xây dựng pháp luật\nĐã ban hành 12 văn bản.\n- Sở Tư pháp: hoàn thành rà soát.\n– Sở Nội vụ: đang thực hiện.';
    const blocks = textToBlocks(text);
    expect(blocks.map((b) => b.kind)).toEqual(['subheading', 'paragraph', 'bullet', 'bullet']);
    expect(blocks[3]!.text).toBe('Sở Nội vụ: đang thực hiện.');
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
  });
  it('drops blank lines and surrounding spaces', () => {
    expect(textToBlocks('\n  Một đoạn.  \n\n')).toEqual([{ kind: 'paragraph', text: 'Một đoạn.' }]);
  });
});
