import tarStream from 'tar-stream';

/** One file to copy into a container. */
export interface RuntimeFile {
  /** Path relative to the archive's destination folder. */
  name: string;
  content: Buffer;
}

/**
 * A tar archive for the engine's archive API: files owned by root and read-only, folders
 * root-owned, so the non-root user in the container can read them but never change them.
 */
export async function buildRuntimeArchive(files: readonly RuntimeFile[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const folders = new Set<string>();
  const mtime = new Date(0);
  for (const file of files) {
    const parts = file.name.split('/').slice(0, -1);
    for (let index = 1; index <= parts.length; index++) {
      const folder = parts.slice(0, index).join('/');
      if (folders.has(folder)) continue;
      folders.add(folder);
      pack.entry({ name: folder, type: 'directory', mode: 0o555, uid: 0, gid: 0, mtime });
    }
    pack.entry({ name: file.name, mode: 0o444, uid: 0, gid: 0, mtime }, file.content);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
