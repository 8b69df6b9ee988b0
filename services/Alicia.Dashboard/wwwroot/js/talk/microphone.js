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
      // The audio graph is ready before the microphone opens, so the first syllable is not lost to start-up.
      this.#context = await openContext();
      this.#stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    } catch (err) {
      await this.stop();
      throw new MicrophoneError(
        err.name === 'NotAllowedError' ? 'Microphone access was refused. Allow it for this page in the browser settings.'
          : err.name === 'NotFoundError' ? 'No microphone was found.'
            : `The microphone could not start: ${err.message}`);
    }
    try {
      let source;
      try {
        source = this.#context.createMediaStreamSource(this.#stream);
      } catch {
        // This browser cannot feed a microphone into a 16 kHz context: use the device rate, the worklet resamples.
        await this.#context.close();
        this.#context = await openContext(false);
        source = this.#context.createMediaStreamSource(this.#stream);
      }
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
 * A 16 kHz context lets the browser resample with its own good filter; without one (or when asked not
 * to) the context runs at the device rate and the worklet resamples. The worklet is loaded either way.
 */
async function openContext(at16k = true) {
  let context;
  try {
    context = at16k ? new AudioContext({ sampleRate: 16000, latencyHint: 'interactive' }) : null;
  } catch {
    context = null; // this browser does not offer 16 kHz contexts
  }
  context ??= new AudioContext({ latencyHint: 'interactive' });
  await context.audioWorklet.addModule(WORKLET_URL);
  return context;
}
