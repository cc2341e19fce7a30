// PostgreSQL 17 with TimescaleDB 2.23 compiled to WASM (PGlite), served over the PostgreSQL wire protocol on a free
// loopback port, which is written to the file named by the first argument. In memory: every start is empty.
import { writeFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { timescaledb } from '@electric-sql/pglite/timescaledb'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const db = await PGlite.create({ extensions: { timescaledb } })
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, connectionQueueTimeout: 120000 })
await server.start()
writeFileSync(process.argv[2], String(server.server.address().port))
