// Just enough of the SignalR JSON protocol over server-sent events for the console's client:
// negotiate, handshake, invocations with completions, server-to-client invocations, pings.

import { randomUUID } from 'node:crypto'

const RS = '\u001e'

export class MockHub {
  constructor(onInvoke) {
    this.onInvoke = onInvoke
    this.connections = new Map()
  }

  negotiate(res) {
    const token = randomUUID()
    this.connections.set(token, { token, stream: null, groups: new Set(), handshaken: false, queue: [] })
    json(res, 200, {
      negotiateVersion: 1,
      connectionId: token,
      connectionToken: token,
      availableTransports: [{ transport: 'ServerSentEvents', transferFormats: ['Text'] }],
    })
  }

  stream(token, res) {
    const c = this.connections.get(token)
    if (!c) return json(res, 404, {})
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' })
    res.write(':\n\n')
    c.stream = res
    c.queue.splice(0).forEach((m) => this.write(c, m))
    const ping = setInterval(() => this.send(c, { type: 6 }), 15_000)
    res.on('close', () => {
      clearInterval(ping)
      this.connections.delete(token)
    })
  }

  async receive(token, body, res) {
    const c = this.connections.get(token)
    if (!c) return json(res, 404, {})
    res.writeHead(200).end()
    for (const record of body.split(RS).filter(Boolean)) {
      const message = JSON.parse(record)
      if (!c.handshaken) {
        c.handshaken = true
        this.write(c, '{}')
        continue
      }
      if (message.type === 1) {
        try {
          const result = await this.onInvoke(c, message.target, message.arguments ?? [])
          if (message.invocationId) this.send(c, { type: 3, invocationId: message.invocationId, result: result ?? null })
        } catch (error) {
          if (message.invocationId) this.send(c, { type: 3, invocationId: message.invocationId, error: `An unexpected error occurred invoking '${message.target}' on the server. HubException: ${error.message}` })
        }
      }
    }
  }

  close(token, res) {
    const c = this.connections.get(token)
    c?.stream?.end()
    this.connections.delete(token)
    res.writeHead(202).end()
  }

  send(c, message) {
    this.write(c, JSON.stringify(message))
  }

  invoke(c, target, ...args) {
    this.send(c, { type: 1, target, arguments: args })
  }

  group(name, target, ...args) {
    for (const c of this.connections.values()) if (c.groups.has(name)) this.invoke(c, target, ...args)
  }

  write(c, text) {
    if (!c.stream) return c.queue.push(text)
    c.stream.write(`data: ${text}${RS}\n\n`)
  }
}

export function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' })
  res.end(JSON.stringify(body))
}
