/**
 * `npm run dev`: Vite's dev server (hot reload) against the local stack. The dev server answers
 * `config.json` itself, pointing at the stack, as `npm start`'s static server does.
 */
import { createServer, type Plugin } from 'vite';
import { DEMO_PASSWORD } from '../local-stack/constants';
import { startStack } from '../local-stack/server';
import { DEMO_USERS } from '../local-stack/users';
import { consoleConfig } from './local-console';

const base = process.env.BASE_PATH ?? '';
const stack = await startStack({
	completeAfterMs: Number(process.env.STACK_COMPLETE_AFTER_MS ?? 20_000)
});
const configJson = JSON.stringify(consoleConfig(stack.urls, base));

const serveConfig: Plugin = {
	name: 'local-console-config',
	configureServer(server) {
		server.middlewares.use((req, res, next) => {
			if (req.url?.split('?')[0] !== `${base}/config.json`) return next();
			res.setHeader('content-type', 'application/json');
			res.setHeader('cache-control', 'no-store');
			res.end(configJson);
		});
	}
};

const server = await createServer({
	plugins: [serveConfig],
	server: { port: 5173, strictPort: true }
});
await server.listen();
server.printUrls();
console.log(
	`  Demo users: ${DEMO_USERS.map((u) => u.email).join(', ')} (password ${DEMO_PASSWORD})\n`
);
const stop = () => void Promise.all([server.close(), stack.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
