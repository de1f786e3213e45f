"""Disjoint sets over integer nodes: alias grouping in a document and entity merging across documents."""

from __future__ import annotations


class UnionFind:
    """Union-find with path halving; the smaller root wins a union, so groups (and their
    representatives) do not depend on the order in which unions are made."""

    def __init__(self, size: int = 0) -> None:
        self.parent: list[int] = list(range(size))

    def add(self) -> int:
        """A new singleton node; returns its index."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
