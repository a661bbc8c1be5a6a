"""Cycles in a relation (roles including roles, bodies' parents, the order of things)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["find_cycle"]


def find_cycle(edges: Iterable[tuple[str, str]]) -> list[str] | None:
    # Iterative depth-first search: a plan with thousands of chained roles or order rules
    # must not exhaust Python's recursion limit.
    graph: dict[str, list[str]] = {}
    for a, b in edges:
        graph.setdefault(a, [])
        if b not in graph[a]:
            graph[a].append(b)
    for targets in graph.values():
        targets.sort()
    state: dict[str, int] = {}
    for root in sorted(graph):
        if root in state:
            continue
        stack: list[str] = [root]
        iters: list[int] = [0]
        state[root] = 1
        while stack:
            n = stack[-1]
            targets = graph.get(n, [])
            if iters[-1] < len(targets):
                m = targets[iters[-1]]
                iters[-1] += 1
                if state.get(m) == 1:
                    return stack[stack.index(m):] + [m]
                if m not in state:
                    state[m] = 1
                    stack.append(m)
                    iters.append(0)
            else:
                state[n] = 2
                stack.pop()
                iters.pop()
    return None
