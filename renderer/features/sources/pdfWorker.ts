import { GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker comes from the app's own origin (CSP: worker-src 'self'); pdf.js never compiles code with eval.
GlobalWorkerOptions.workerSrc = workerUrl;
