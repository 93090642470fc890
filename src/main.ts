/** `npm start`: .env fills in what the real environment leaves unset, then src/cli/start.ts runs. */
import { config as loadDotenv } from 'dotenv';
import { run } from './cli/io.js';
import { main } from './cli/start.js';

loadDotenv({ quiet: true });
run(main);
