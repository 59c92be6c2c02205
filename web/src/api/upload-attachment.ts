import { apiErrorOf } from './api-error.js';
import type { Attachment } from './api-types.js';
import { requestHeaders } from './request-headers.js';

/**
 * Uploads one document (multipart field "file"), reporting progress from 0 to 1. XMLHttpRequest,
 * because fetch cannot report upload progress.
 */
export function uploadAttachment(file: File, onProgress: (fraction: number) => void): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as Attachment);
      } else reject(apiErrorOf(xhr.status, body));
    };
    xhr.onerror = () => reject(apiErrorOf(0, null));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
