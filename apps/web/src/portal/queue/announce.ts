/**
 * Announce a call in the hall: "Mời số 1024 đến quầy số 3" with the browser's speech synthesis when it has a
 * Vietnamese voice, a two-tone chime otherwise.
 */
export function announceCall(number: number, counter: number): 'speech' | 'chime' {
  const text = `Mời số ${number} đến quầy số ${counter}`;
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  const voice = synth?.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi'));
  if (synth && voice) {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    synth.speak(u);
    return 'speech';
  }
  chime();
  return 'chime';
}

let audio: AudioContext | undefined;

function chime() {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    [880, 660].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      const at = ctx.currentTime + i * 0.45;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.42);
    });
  } catch {
    // No audio device: the display still shows the call.
  }
}
