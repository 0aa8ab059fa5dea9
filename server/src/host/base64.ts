/**
 * The bytes of an `osai/fs/readFile` answer (JSON carries no bytes: the client sends base64,
 * client/src/fileAccess.ts). `atob` exists in Node and in web workers alike.
 */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
