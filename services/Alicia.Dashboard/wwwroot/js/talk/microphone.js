// The browser microphone as a stream of 20 ms frames of 16 kHz mono 16-bit PCM (640 bytes each).

const WORKLET_URL = new URL('./capture-worklet.js', import.meta.url);

/** Why the microphone could not start, in words a person can act on. */
export class MicrophoneError extends Error {}

export class Microphone {
  #context = null;
  #stream = null;
  #node = null;

  get active() {
    return this.#context !== null;
  }

  /** Starts capturing; onFrame(Uint8Array of 640 bytes) is called 50 times a second. */
  async start(onFrame) {
    if (this.active) return;
    if (!navigator.mediaDevices?.getUserMedia || !globalThis.AudioWorkletNode) {
      throw new MicrophoneError('The microphone needs a secure page: open the dashboard on https:// or http://127.0.0.1.');
    }
    try {
      this.#stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    } catch (err) {
      throw new MicrophoneError(
        err.name === 'NotAllowedError' ? 'Microphone access was refused. Allow it for this page in the browser settings.'
          : err.name === 'NotFoundError' ? 'No microphone was found.'
            : `The microphone could not start: ${err.message}`);
    }
    try {
      this.#context = await openContext(this.#stream);
      await this.#context.audioWorklet.addModule(WORKLET_URL);
      const source = this.#context.createMediaStreamSource(this.#stream);
      this.#node = new AudioWorkletNode(this.#context, 'pcm16k-capture', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
      this.#node.port.onmessage = event => onFrame(new Uint8Array(event.data));
      // A silent path to the speakers keeps the graph pulling audio through the worklet.
      const mute = this.#context.createGain();
      mute.gain.value = 0;
      source.connect(this.#node).connect(mute).connect(this.#context.destination);
    } catch (err) {
      await this.stop();
      throw new MicrophoneError(`Audio capture could not start: ${err.message}`);
    }
  }

  async stop() {
    this.#node?.port.postMessage('stop');
    this.#node?.disconnect();
    this.#node = null;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
    const context = this.#context;
    this.#context = null;
    await context?.close().catch(() => {});
  }
}

/**
 * A 16 kHz context lets the browser resample with its own good filter; browsers that cannot connect a
 * microphone to a context of another rate get the device rate, and the worklet resamples instead.
 */
async function openContext(stream) {
  try {
    const context = new AudioContext({ sampleRate: 16000, latencyHint: 'interactive' });
    try {
      context.createMediaStreamSource(stream).disconnect();
      return context;
    } catch {
      await context.close();
    }
  } catch {
    // sampleRate not supported: fall through to the default rate.
  }
  return new AudioContext({ latencyHint: 'interactive' });
}
