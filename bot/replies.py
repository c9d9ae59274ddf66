"""Which message of ours answers which message, so an edited message gets its reply edited."""

from __future__ import annotations

from collections import OrderedDict


class ReplyIndex:
    """The bot's card for each checked message, the newest `size` of them (least recent out)."""

    def __init__(self, *, size: int) -> None:
        self.size = size
        self._replies: OrderedDict[tuple[int, int], int] = OrderedDict()

    def get(self, chat_id: int, message_id: int) -> int | None:
        key = (chat_id, message_id)
        found = self._replies.get(key)
        if found is not None:
            self._replies.move_to_end(key)
        return found

    def remember(self, chat_id: int, message_id: int, reply_id: int) -> None:
        self._replies[(chat_id, message_id)] = reply_id
        self._replies.move_to_end((chat_id, message_id))
        while len(self._replies) > self.size:
            self._replies.popitem(last=False)
