import { chmodSync, linkSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ioProblem, isStaleTemp, isTempName, readForWrite, writeAtomic, writeRefusal } from '../../src/apply/write.js';
import { treeMaker } from '../helpers.js';

const tree = treeMaker();

describe('atomic writes', () => {
  it('replaces the content, keeps the mode, and leaves no temporary file', () => {
    const root = tree({ 'run.sh': 'echo hi\n' });
    const file = join(root, 'run.sh');
    chmodSync(file, 0o751);
    const { snapshot } = readForWrite(file, 1024);
    writeAtomic(file, Buffer.from('# H\necho hi\n'), snapshot);
    expect(readFileSync(file, 'utf8')).toBe('# H\necho hi\n');
    expect(statSync(file).mode & 0o7777).toBe(0o751);
    expect(readdirSync(root)).toEqual(['run.sh']);
  });

  it('does not write over a file that changed since it was read', () => {
    const root = tree({ 'a.c': 'int x;\n' });
    const file = join(root, 'a.c');
    const { snapshot } = readForWrite(file, 1024);
    writeFileSync(file, 'int y; /* edited meanwhile */\n');
    expect(() => writeAtomic(file, Buffer.from('/* H */\nint x;\n'), snapshot)).toThrow(expect.objectContaining({ code: 'ECHANGED' }));
    expect(readFileSync(file, 'utf8')).toBe('int y; /* edited meanwhile */\n');
    expect(readdirSync(root)).toEqual(['a.c']);
    expect(ioProblem('a.c', { code: 'ECHANGED' }, true).code).toBe('changed-since-read');
  });

  it('creates a new file only when it still does not exist', () => {
    const root = tree({ 'x.png.license': 'someone else wrote this\n' });
    expect(() => writeAtomic(join(root, 'x.png.license'), Buffer.from('new'), null)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    writeAtomic(join(root, 'y.png.license'), Buffer.from('new'), null);
    expect(readFileSync(join(root, 'y.png.license'), 'utf8')).toBe('new');
  });

  it('never reads or writes through a symlink', () => {
    const root = tree({ 'real.c': 'int x;\n' });
    symlinkSync('real.c', join(root, 'link.c'));
    expect(() => readForWrite(join(root, 'link.c'), 1024)).toThrow(expect.objectContaining({ code: 'ESYMLINK' }));
    const { snapshot } = readForWrite(join(root, 'real.c'), 1024);
    expect(() => writeAtomic(join(root, 'link.c'), Buffer.from('x'), snapshot)).toThrow();
    expect(readFileSync(join(root, 'real.c'), 'utf8')).toBe('int x;\n');
  });

  it('refuses read-only and hard-linked files before planning a write', () => {
    const root = tree({ 'ro.c': 'x', 'a.c': 'y' });
    chmodSync(join(root, 'ro.c'), 0o444);
    expect(writeRefusal('ro.c', readForWrite(join(root, 'ro.c'), 10).snapshot)?.code).toBe('read-only');
    linkSync(join(root, 'a.c'), join(root, 'b.c'));
    expect(writeRefusal('a.c', readForWrite(join(root, 'a.c'), 10).snapshot)?.code).toBe('hard-linked');
    expect(writeRefusal('a.c', { ...readForWrite(join(root, 'a.c'), 10).snapshot, nlink: 1 })).toBeNull();
  });

  it.each([
    ['EBUSY', 'file-in-use'],
    ['ETXTBSY', 'file-in-use'],
    ['EACCES', 'write-denied'],
    ['EROFS', 'write-denied'],
    ['ENOSPC', 'write-error'],
    ['ENOENT', 'vanished'],
    ['EIO', 'write-error'],
  ])('reports %s while writing as %s, naming the file', (code, problem) => {
    const p = ioProblem('src/a.c', Object.assign(new Error(code), { code }), true);
    expect(p.code).toBe(problem);
    expect(p.file).toBe('src/a.c');
    expect(p.message).toContain('src/a.c');
  });

  it('recognises temporary files, and stale ones by their dead writer', () => {
    expect(isTempName('.farleft-tmp-123-0123456789ab')).toBe(true);
    expect(isTempName('.farleft-tmp-x')).toBe(false);
    expect(isStaleTemp(`/x/.farleft-tmp-${process.pid}-0123456789ab`)).toBe(false); // this process
    expect(isStaleTemp('/x/.farleft-tmp-2147483646-0123456789ab')).toBe(true); // no such process
  });
});
