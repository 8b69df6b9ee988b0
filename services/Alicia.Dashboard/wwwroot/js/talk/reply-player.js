// Plays Alicia's spoken reply (a WAV from alicia/voice/tts/audio/browser).

export class ReplyPlayer {
  #url = null;
  #audio = null;

  /** Loads the WAV; resolves true when it started playing, false when the browser wants a click first. */
  async play(bytes) {
    this.load(bytes);
    try {
      await this.#audio.play();
      return true;
    } catch {
      return false; // autoplay refused (no recent user gesture): the "Play reply" button does it
    }
  }

  load(bytes) {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
    this.#audio = new Audio(this.#url);
  }

  get loaded() {
    return this.#audio !== null;
  }

  replay() {
    if (!this.#audio) return;
    this.#audio.currentTime = 0;
    this.#audio.play().catch(() => {});
  }
}
