// Runs on the audio thread: turns the microphone's float samples (at the context's rate, usually
// 48 kHz) into 16 kHz mono 16-bit PCM and posts one 20 ms frame (320 samples, 640 bytes) at a time.

const TARGET_RATE = 16000;
const FRAME_SAMPLES = 320;

class Pcm16kCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / TARGET_RATE; // input samples per output sample
    this.due = this.ratio;                 // input position at which the next output sample is due
    this.seen = 0;                         // input samples since the last renormalisation
    this.sum = 0;
    this.count = 0;
    this.last = 0;
    this.frame = new Int16Array(FRAME_SAMPLES);
    this.fill = 0;
    this.running = true;
    this.port.onmessage = event => { if (event.data === 'stop') this.running = false; };
  }

  process(inputs) {
    const channels = inputs[0];
    if (channels && channels.length > 0) {
      const length = channels[0].length;
      for (let i = 0; i < length; i++) {
        let value = 0;
        for (const channel of channels) value += channel[i];
        this.sum += value / channels.length;
        this.count++;
        this.seen++;
        // Averaging the input samples that fall into one output sample is a box low-pass filter:
        // crude, but it keeps the worst aliasing out of what the speech recogniser hears.
        while (this.seen >= this.due) {
          if (this.count > 0) this.last = this.sum / this.count;
          this.sum = 0;
          this.count = 0;
          this.push(this.last);
          this.due += this.ratio;
        }
      }
      if (this.seen > 1e6) {
        this.seen -= 1e6;
        this.due -= 1e6;
      }
    }
    return this.running;
  }

  push(sample) {
    const clamped = Math.max(-1, Math.min(1, sample));
    this.frame[this.fill++] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff;
    if (this.fill === FRAME_SAMPLES) {
      this.port.postMessage(this.frame.buffer, [this.frame.buffer]);
      this.frame = new Int16Array(FRAME_SAMPLES);
      this.fill = 0;
    }
  }
}

registerProcessor('pcm16k-capture', Pcm16kCapture);
