"""The story-type model: a multinomial logistic regression over a story's headline and body
(features.py, embeddings.py) that says which PLOVER event type the story is about.  Trained by
scripts/train_story_type.py on the NGEC synthetic stories (MIT); see data/story/README.md.

Scores are `coef @ x + intercept`; x has a dense part (headline and body embeddings, event
features) and three sparse parts (body and headline TF-IDF, headline event codes), so one story
costs a few thousand multiply-adds whatever the vocabulary size."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..errors import StoryModelMissing
from ..schema import Event, StoryType
from .embeddings import DIM, WordEmbeddings
from .features import (
    N_EVENT_FEATURES,
    N_HEADLINE_FEATURES,
    Codes,
    Tfidf,
    code_terms,
    event_features,
    headline_features,
)

MODEL_FILE = "data/story/story_type.npz"
# The same model trained with every headline left out, for articles that come without one
# (plain-text files, feeds that keep only the body): a model that always saw a headline
# weighs an empty one as evidence.
BODY_MODEL_FILE = "data/story/story_type_body.npz"
BODY_CHARS = 1000  # the body embedding reads the opening, where a story says what happened


@dataclass
class StoryVector:
    dense: np.ndarray
    body: tuple[np.ndarray, np.ndarray]  # (columns, weights) of each sparse part
    head: tuple[np.ndarray, np.ndarray]
    codes: tuple[np.ndarray, np.ndarray]

    @property
    def sparse(self) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
        return self.body, self.head, self.codes


@dataclass
class Featurizer:
    body_terms: Tfidf
    head_terms: Tfidf
    head_codes: Codes = field(default_factory=lambda: Codes([]))
    # How much the headline and the rule-based events count against the body (the model sees
    # them scaled); chosen by cross-validation in scripts/train_story_type.py.
    head_weight: float = 2.0
    event_weight: float = 0.5
    head_event_weight: float = 2.0  # headline events against body events (both x event_weight)
    code_weight: float = 1.0  # headline_features and code_terms

    @property
    def n_dense(self) -> int:
        return 2 * DIM + N_EVENT_FEATURES + N_HEADLINE_FEATURES

    @property
    def n_features(self) -> int:
        return self.n_dense + len(self.body_terms) + len(self.head_terms) + len(self.head_codes)

    def vectors(
        self,
        embeddings: WordEmbeddings,
        titles: Sequence[str],
        texts: Sequence[str],
        body_events: Sequence[Sequence[Event]],
        head_events: Sequence[Sequence[Event]],
    ) -> list[StoryVector]:
        heads = embeddings.embed(titles) * self.head_weight
        bodies = embeddings.embed([t[:BODY_CHARS] for t in texts])
        out = []
        for i, (title, text) in enumerate(zip(titles, texts)):
            ev = (
                event_features(body_events[i], head_events[i], self.head_event_weight)
                * self.event_weight
            )
            head_ev = headline_features(head_events[i]) * self.code_weight
            idx, w = self.head_terms.transform(title)
            cidx, cw = self.head_codes.transform(code_terms(head_events[i]))
            out.append(
                StoryVector(
                    np.concatenate([heads[i], bodies[i], ev, head_ev]),
                    self.body_terms.transform(text),
                    (idx, w * self.head_weight),
                    (cidx, cw * self.code_weight),
                )
            )
        return out

    def offsets(self) -> tuple[int, int, int]:
        """Columns where the body terms, the headline terms and the headline codes start."""
        body_at = self.n_dense
        head_at = body_at + len(self.body_terms)
        return body_at, head_at, head_at + len(self.head_terms)


@dataclass
class StoryTypeModel:
    featurizer: Featurizer
    classes: list[str]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    name: str
    about: dict = field(default_factory=dict)

    def scores(self, v: StoryVector) -> np.ndarray:
        n = self.featurizer.n_dense
        s = self.coef[:, :n] @ v.dense + self.intercept
        for at, (idx, w) in zip(self.featurizer.offsets(), v.sparse):
            s += self.coef[:, at + idx] @ w
        return s

    def probabilities(self, v: StoryVector) -> np.ndarray:
        s = self.scores(v)
        e = np.exp(s - s.max())
        return e / e.sum()

    def predict(self, v: StoryVector) -> StoryType:
        p = self.probabilities(v)
        best = int(np.argmax(p))
        return StoryType(
            event=self.classes[best], probability=round(float(p[best]), 4), model=self.name
        )

    # -- files ----------------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        f = self.featurizer
        params = {
            "name": self.name,
            "head_weight": f.head_weight,
            "event_weight": f.event_weight,
            "head_event_weight": f.head_event_weight,
            "code_weight": f.code_weight,
            "body_ngrams": f.body_terms.ngrams,
            "head_ngrams": f.head_terms.ngrams,
            "about": self.about,
        }
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            body_vocabulary=np.array(f.body_terms.vocabulary),
            body_idf=f.body_terms.idf,
            head_vocabulary=np.array(f.head_terms.vocabulary),
            head_idf=f.head_terms.idf,
            code_vocabulary=np.array(f.head_codes.vocabulary, dtype=str),
            params=np.array(json.dumps(params)),
        )

    @classmethod
    def load(cls, path: str | Path) -> StoryTypeModel:
        try:
            z = np.load(path, allow_pickle=False)
            params = json.loads(str(z["params"]))
            featurizer = Featurizer(
                Tfidf(z["body_vocabulary"].tolist(), z["body_idf"], params["body_ngrams"]),
                Tfidf(z["head_vocabulary"].tolist(), z["head_idf"], params["head_ngrams"]),
                Codes(z["code_vocabulary"].tolist()),
                head_weight=params["head_weight"],
                event_weight=params["event_weight"],
                head_event_weight=params["head_event_weight"],
                code_weight=params["code_weight"],
            )
            model = cls(
                featurizer,
                z["classes"].tolist(),
                z["coef"],
                z["intercept"],
                params["name"],
                params.get("about", {}),
            )
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise StoryModelMissing(
                expected=f"a story-type model file at {str(path)!r}",
                detail=f"{type(exc).__name__}: {exc}",
                hint=StoryModelMissing.FILE_HINT,
            ) from exc
        if model.coef.shape != (len(model.classes), featurizer.n_features):
            raise StoryModelMissing(
                expected=f"{featurizer.n_features} weights per class",
                detail=f"a weight table of shape {model.coef.shape}",
                hint=StoryModelMissing.FILE_HINT,
            )
        return model


@lru_cache(maxsize=2)
def load_story_model(path: Optional[str] = None, body_only: bool = False) -> StoryTypeModel:
    """The shipped model (`body_only`: the one for articles without a headline), or the one
    at `path`."""
    default = BODY_MODEL_FILE if body_only else MODEL_FILE
    return StoryTypeModel.load(path or str(resources.files("annales") / default))
