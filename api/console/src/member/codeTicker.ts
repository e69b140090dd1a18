import { DEFAULT_REFRESH_MS } from './memberCode'

/**
 * The member code's refresh loop: fetch, wait as long as the fetch says, fetch again. Kept apart from Vue and
 * the page so that its timing can be tested with fake timers (useMemberCode.ts wires it to the page).
 *
 * `load` fetches and answers the wait before the next fetch; it handles its own failures (a retry is just a
 * shorter wait). There is at most one fetch at a time: asking for one while another is on its way waits for
 * that one's answer, which is at least as new.
 */
export class CodeTicker {
  private timer: ReturnType<typeof setTimeout> | undefined
  private loading = false
  private running = false

  constructor(private readonly load: () => Promise<number>) {}

  /** Fetches at once, then on the schedule: the page opened, the tab came back into view, Refresh was pressed. */
  now(): void {
    this.running = true
    this.cancel()
    if (this.loading) return
    this.loading = true
    this.load()
      // A load that throws after all still must not end the loop: try again after the usual step.
      .catch(() => DEFAULT_REFRESH_MS)
      .then((wait) => {
        this.loading = false
        // Stopped meanwhile (page left, tab hidden): the answer is shown, but nothing more is fetched.
        if (this.running) this.timer = setTimeout(() => this.now(), wait)
      })
  }

  /** No more fetches until `now` is called again (the tab is hidden, the page is left). */
  stop(): void {
    this.running = false
    this.cancel()
  }

  private cancel(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
