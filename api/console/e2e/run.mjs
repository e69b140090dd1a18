// Runs the browser tests one file at a time and ends with the line CI reads: "N passed, N failed".
import { readdirSync } from 'node:fs'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { fileURLToPath } from 'node:url'

const folder = fileURLToPath(new URL('.', import.meta.url))
const files = readdirSync(folder).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => folder + f)
let passed = 0
let failed = 0
const stream = run({ files, concurrency: 1, timeout: 120_000 })
stream.on('test:pass', (t) => t.details?.type !== 'suite' && t.nesting === 0 && passed++)
stream.on('test:fail', (t) => t.details?.type !== 'suite' && t.nesting === 0 && failed++)
stream.compose(spec).pipe(process.stdout)
stream.on('end', () => {
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1
})
