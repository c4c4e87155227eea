// rx.video / rx.audio: the browser's <video>/<audio> driven by react-player's props as Reflex
// names them: url, playing (play/pause follows it), loop, controls, muted, volume (0..1),
// playbackRate; onReady (can play), onStart (first play), onPlay, onPause, onEnded, onError.
import { createElement as h, useEffect, useRef } from "react";

export function PyxMedia({ kind = "video", url, playing = false, volume, playbackRate, playsInline,
  onReady, onStart, onPlay, onPause, ...rest }) {
  const ref = useRef(null);
  const started = useRef(false);
  useEffect(() => {
    const media = ref.current;
    if (playing && media.paused) media.play().catch(() => {}); // a refused autoplay stays paused, as in a browser
    else if (!playing && !media.paused) media.pause();
  }, [playing, url]);
  useEffect(() => {
    if (volume !== undefined) ref.current.volume = volume;
  }, [volume]);
  useEffect(() => {
    if (playbackRate !== undefined) ref.current.playbackRate = playbackRate;
  }, [playbackRate]);
  return h(kind, {
    ...rest,
    ref,
    src: url,
    playsInline,
    onCanPlay: onReady,
    onPlay: (event) => {
      if (!started.current) {
        started.current = true;
        onStart?.(event);
      }
      onPlay?.(event);
    },
    onPause,
  });
}
