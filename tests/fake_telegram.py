"""A small fake Telegram Bot API server on 127.0.0.1 for driving the real bot in tests."""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web

JSON = dict[str, Any]
Method = Callable[[JSON], Awaitable[Any]]

_ENTITY_PATTERN = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot);")
_TAG_PATTERN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)>")
_HTML_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "tg-spoiler", "span", "blockquote", "tg-emoji",
}  # fmt: skip
_TEXT_PARAMS = {
    "text", "caption", "parse_mode", "action", "callback_query_id", "secret_token", "file_id",
}  # fmt: skip


class ApiError(Exception):
    """An error the fake API answers with, as Telegram does: a code and a description."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


@dataclass
class Sent:
    """A message the bot sent (or edited), as recorded by the fake server."""

    chat_id: int
    message_id: int
    text: str
    reply_to: int | None
    params: JSON
    message: JSON = field(repr=False, default_factory=dict)


def telegram_text(text: str, parse_mode: str | None) -> str:
    """The text Telegram would show: HTML checked as strictly as Telegram does, then stripped."""
    if (parse_mode or "").upper() != "HTML":
        return text
    stack: list[str] = []
    plain: list[str] = []
    position = 0
    for match in _TAG_PATTERN.finditer(text):
        plain.append(_unescape_strict(text[position : match.start()]))
        _check_tag(match, stack)
        position = match.end()
    plain.append(_unescape_strict(text[position:]))
    if stack:
        raise ApiError(400, f"Bad Request: can't parse entities: unclosed tag <{stack[-1]}>")
    return "".join(plain)


def _check_tag(match: re.Match[str], stack: list[str]) -> None:
    closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
    if name not in _HTML_TAGS:
        raise ApiError(400, f"Bad Request: can't parse entities: unsupported tag <{name}>")
    if not closing:
        if name == "a" and "href=" not in attributes:
            raise ApiError(400, "Bad Request: can't parse entities: <a> without href")
        stack.append(name)
    elif not stack or stack.pop() != name:
        raise ApiError(400, f"Bad Request: can't parse entities: unexpected </{name}>")


def _unescape_strict(fragment: str) -> str:
    bare = _ENTITY_PATTERN.sub("", fragment)
    for char in "<>&":
        if char in bare:
            raise ApiError(400, f"Bad Request: can't parse entities: unescaped {char!r}")
    return html.unescape(fragment)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _decode_params(arguments: dict[str, list[bytes]]) -> JSON:
    params: JSON = {}
    for key, values in arguments.items():
        raw = values[-1].decode("utf-8")
        if key in _TEXT_PARAMS:
            params[key] = raw
            continue
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


class _ApiHandler(tornado.web.RequestHandler):
    """Routes /bot<token>/<method> to the fake's methods and answers like the Bot API."""

    def initialize(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.gone = False

    def on_connection_close(self) -> None:
        self.gone = True

    async def post(self, token: str, method: str) -> None:
        await self._answer(token, method)

    async def get(self, token: str, method: str) -> None:
        await self._answer(token, method)

    async def _answer(self, token: str, method: str) -> None:
        self.set_header("Content-Type", "application/json")
        try:
            result = await self.fake.call(token, method, self._params())
        except ApiError as error:
            self.set_status(error.code)
            self.finish({"ok": False, "error_code": error.code, "description": error.description})
            return
        if self.gone:
            return
        self.finish(json.dumps({"ok": True, "result": result}))

    def _params(self) -> JSON:
        if self.request.headers.get("Content-Type", "").startswith("application/json"):
            body = json.loads(self.request.body or b"{}")
            return dict(body)
        params = _decode_params(self.request.arguments)
        for name, parts in self.request.files.items():  # multipart uploads (sendDocument)
            params[name] = {"filename": parts[0]["filename"], "content": parts[0]["body"]}
        return params


class _FileHandler(tornado.web.RequestHandler):
    """Serves files the bot downloads: /file/bot<token>/<file_path>."""

    def initialize(self, fake: FakeTelegram) -> None:
        self.fake = fake

    def get(self, token: str, path: str) -> None:
        content = self.fake.files.get(path)
        if token != self.fake.token or content is None:
            self.set_status(404)
            self.finish({"ok": False, "error_code": 404, "description": "Not Found"})
            return
        self.set_header("Content-Type", "application/octet-stream")
        self.finish(content)


class FakeTelegram:
    """The fake Bot API: holds chats, updates and what the bot sent; tests inject updates."""

    def __init__(self, token: str, *, bot_id: int = 700000001, username: str = "fact_test_bot"):
        self.token = token
        self.bot_user: JSON = {
            "id": bot_id, "is_bot": True, "first_name": "Fact Check", "username": username,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }  # fmt: skip
        self.sent: list[Sent] = []
        self.actions: list[JSON] = []
        self.calls: list[tuple[str, JSON]] = []
        self.commands: list[JSON] = []
        self.admins: dict[int, list[JSON]] = {}
        self.files: dict[str, bytes] = {}  # file_path -> content, downloadable by the bot
        self.documents: list[Sent] = []  # documents the bot sent; params["document"] holds them
        self.answers: list[JSON] = []  # answerCallbackQuery calls: the toasts and alerts shown
        self.failures: dict[str, ApiError] = {}
        self._chats: dict[int, JSON] = {}
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._user_ids = itertools.count(1001)
        self._changed = asyncio.Event()
        self._server: tornado.httpserver.HTTPServer | None = None
        self._closing = False
        self.port = 0
        self._methods: dict[str, Method] = {
            name.removeprefix("_m_").replace("_", "").lower(): getattr(self, name)
            for name in dir(self)
            if name.startswith("_m_")
        }

    # --- running -------------------------------------------------------------------------

    async def start(self) -> None:
        app = tornado.web.Application([
            (r"/bot([^/]+)/(\w+)", _ApiHandler, {"fake": self}),
            (r"/file/bot([^/]+)/(.+)", _FileHandler, {"fake": self}),
        ])  # fmt: skip
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        self._closing = True
        self._touch()  # wakes long polls so they answer before the connections close
        await asyncio.sleep(0.05)
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def call(self, token: str, method: str, params: JSON) -> Any:
        if token != self.token:
            raise ApiError(401, "Unauthorized")
        name = method.lower()
        self.calls.append((name, params))
        if name in self.failures:
            raise self.failures[name]
        handler = self._methods.get(name)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return await handler(params)

    # --- building chats, users and messages -----------------------------------------------

    def user(
        self, first_name: str = "Alice", *, user_id: int | None = None, language: str = "en"
    ) -> JSON:
        uid = user_id if user_id is not None else next(self._user_ids)
        return {"id": uid, "is_bot": False, "first_name": first_name, "language_code": language}

    def private_chat(self, user: JSON) -> JSON:
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        self._chats[chat["id"]] = chat
        return chat

    def group(self, title: str = "Readers", *, chat_id: int | None = None) -> JSON:
        cid = chat_id if chat_id is not None else -1001000000000 - len(self._chats)
        chat = {"id": cid, "type": "supergroup", "title": title}
        self._chats[cid] = chat
        self.admins.setdefault(cid, [])
        return chat

    def make_admin(self, chat: JSON, user: JSON, *, creator: bool = False) -> None:
        self.admins.setdefault(chat["id"], []).append(_member(user, creator=creator))

    def change_member(self, chat: JSON, user: JSON, *, admin: bool) -> int:
        """Promote or demote `user` and push the `chat_member` update Telegram sends for it."""
        members = [m for m in self.admins.get(chat["id"], []) if m["user"]["id"] != user["id"]]
        plain = {"status": "member", "user": user}
        old = next((m for m in self.admins.get(chat["id"], []) if m["user"] == user), plain)
        new = _member(user, creator=False) if admin else plain
        self.admins[chat["id"]] = members + ([new] if admin else [])
        change = {
            "chat": chat, "from": self.user("Owner"), "date": int(time.time()),
            "old_chat_member": old, "new_chat_member": new,
        }  # fmt: skip
        return self.push({"chat_member": change})

    def edit(self, message: JSON, text: str) -> JSON:
        """Inject an edit of a message sent earlier (an `edited_message` update)."""
        edited = {**message, "edit_date": int(time.time())}
        edited.update(_text_fields(text, caption="caption" in message))
        self.push({"edited_message": edited})
        return edited

    def send(
        self,
        chat: JSON,
        text: str,
        *,
        sender: JSON | None = None,
        sender_chat: JSON | None = None,
        forward_date: int | None = None,
        reply_to: JSON | None = None,
        caption: bool = False,
        date: int | None = None,
    ) -> JSON:
        """Inject a message from a user as a new update; returns the message."""
        message: JSON = {
            "message_id": self._next_message_id(chat["id"]),
            "date": date if date is not None else int(time.time()),
            "chat": chat,
        }
        if sender is not None:
            message["from"] = sender
        if sender_chat is not None:
            message["sender_chat"] = sender_chat
        if forward_date is not None:
            message["forward_origin"] = {
                "type": "hidden_user", "date": forward_date, "sender_user_name": "Someone",
            }  # fmt: skip
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(_text_fields(text, caption=caption))
        self.push({"message": message})
        return message

    def send_document(
        self,
        chat: JSON,
        content: bytes,
        file_name: str,
        *,
        sender: JSON,
        size: int | None = None,
        caption: str | None = None,
    ) -> JSON:
        """Inject a message carrying an uploaded file (`size` may claim another file_size)."""
        number = len(self.files) + 1
        self.files[f"documents/file_{number}"] = content
        message: JSON = {
            "message_id": self._next_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": sender,
            "document": {
                "file_id": f"doc-{number}", "file_unique_id": f"d{number}",
                "file_name": file_name, "file_size": len(content) if size is None else size,
            },
        }  # fmt: skip
        if caption is not None:
            message["caption"] = caption
            if caption.startswith("/"):
                command = caption.split(maxsplit=1)[0]
                message["caption_entities"] = [
                    {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
                ]
        self.push({"message": message})
        return message

    def press(self, sent: Sent, data: str, *, sender: JSON) -> int:
        """Inject a press on an inline button of a message the bot sent."""
        query = {
            "id": f"q{time.monotonic_ns()}", "from": sender, "chat_instance": "ci-1",
            "message": sent.message, "data": data,
        }  # fmt: skip
        return self.push({"callback_query": query})

    def push(self, update: JSON) -> int:
        """Queue an update (any shape); returns its update_id."""
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, **update})
        self._touch()
        return update_id

    @property
    def last_update_id(self) -> int:
        return self._updates[-1]["update_id"] if self._updates else 0

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _chat(self, chat_id: Any) -> JSON:
        cid = int(chat_id)
        if cid not in self._chats:
            raise ApiError(400, "Bad Request: chat not found")
        return self._chats[cid]

    def _touch(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    # --- what tests look at ---------------------------------------------------------------

    def replies_to(self, message: JSON) -> list[Sent]:
        chat_id = message["chat"]["id"]
        return [
            s for s in self.sent if s.chat_id == chat_id and s.reply_to == message["message_id"]
        ]

    def sent_to(self, chat: JSON) -> list[Sent]:
        return [s for s in self.sent if s.chat_id == chat["id"]]

    async def wait_for(self, condition: Callable[[], bool], *, timeout: float = 30.0) -> None:
        """Wait until `condition()` holds (checked whenever the fake's state changes)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError("the bot did not do what the test waited for")
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), min(remaining, 0.5))
            except TimeoutError:
                pass

    async def wait_for_message(self, chat: JSON, *, number: int = 1, timeout: float = 30.0) -> Sent:
        """Wait for the `number`-th message the bot sends to `chat` (replies or not)."""
        await self.wait_for(lambda: len(self.sent_to(chat)) >= number, timeout=timeout)
        return self.sent_to(chat)[number - 1]

    async def wait_for_reply(self, message: JSON, *, timeout: float = 30.0) -> Sent:
        await self.wait_for(lambda: bool(self.replies_to(message)), timeout=timeout)
        return self.replies_to(message)[0]

    # --- Bot API methods (named _m_<method>) ----------------------------------------------

    async def _m_get_me(self, params: JSON) -> Any:
        return self.bot_user

    async def _m_get_updates(self, params: JSON) -> Any:
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        deadline = asyncio.get_running_loop().time() + timeout
        while not self._updates and not self._closing:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                break
        return self._updates[:limit]

    async def _m_delete_webhook(self, params: JSON) -> Any:
        return True

    async def _m_set_webhook(self, params: JSON) -> Any:
        return True

    async def _m_set_my_commands(self, params: JSON) -> Any:
        self.commands = list(params.get("commands") or [])
        return True

    async def _m_get_my_commands(self, params: JSON) -> Any:
        return self.commands

    async def _m_get_chat(self, params: JSON) -> Any:
        return {**self._chat(params["chat_id"]), "accent_color_id": 0, "max_reaction_count": 11}

    async def _m_send_chat_action(self, params: JSON) -> Any:
        self._chat(params["chat_id"])
        self.actions.append(params)
        self._touch()
        return True

    async def _m_send_message(self, params: JSON) -> Any:
        chat = self._chat(params["chat_id"])
        text = str(params.get("text", ""))
        shown = telegram_text(text, params.get("parse_mode"))
        if not shown.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_length(shown) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return self._record(chat, text, shown, params)

    async def _m_edit_message_text(self, params: JSON) -> Any:
        chat = self._chat(params["chat_id"])
        text = str(params.get("text", ""))
        shown = telegram_text(text, params.get("parse_mode"))
        for sent in self.sent:
            if sent.chat_id == chat["id"] and sent.message_id == int(params["message_id"]):
                sent.text, sent.message["text"] = text, shown
                if "reply_markup" in params:
                    sent.params["reply_markup"] = params["reply_markup"]
                self._touch()
                return sent.message
        raise ApiError(400, "Bad Request: message to edit not found")

    async def _m_get_file(self, params: JSON) -> Any:
        number = str(params.get("file_id", "")).removeprefix("doc-")
        path = f"documents/file_{number}"
        if path not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": params["file_id"],
            "file_unique_id": f"d{number}",
            "file_size": len(self.files[path]),
            "file_path": path,
        }

    async def _m_send_document(self, params: JSON) -> Any:
        chat = self._chat(params["chat_id"])
        document = params.get("document")
        if not isinstance(document, dict):
            raise ApiError(400, "Bad Request: there is no document in the request")
        caption = str(params.get("caption", ""))
        shown = telegram_text(caption, params.get("parse_mode"))
        message = self._record(chat, caption, shown, params)
        self.documents.append(self.sent.pop())
        return message

    async def _m_answer_callback_query(self, params: JSON) -> Any:
        self.answers.append(params)
        self._touch()
        return True

    async def _m_get_chat_administrators(self, params: JSON) -> Any:
        chat = self._chat(params["chat_id"])
        return self.admins.get(chat["id"], [])

    async def _m_get_chat_member(self, params: JSON) -> Any:
        chat = self._chat(params["chat_id"])
        for member in self.admins.get(chat["id"], []):
            if member["user"]["id"] == int(params["user_id"]):
                return member
        return {"status": "member", "user": self.user("Member", user_id=int(params["user_id"]))}

    def _record(self, chat: JSON, text: str, shown: str, params: JSON) -> JSON:
        message = {
            "message_id": self._next_message_id(chat["id"]),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            "text": shown,
        }
        reply = params.get("reply_parameters") or {}
        reply_to = reply.get("message_id") or params.get("reply_to_message_id")
        self.sent.append(Sent(chat["id"], message["message_id"], text, reply_to, params, message))
        self._touch()
        return message


def _text_fields(text: str, *, caption: bool) -> JSON:
    if caption:
        return {"photo": [_photo()], "caption": text}
    fields: JSON = {"text": text}
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        fields["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_length(command)}]
    return fields


def _photo() -> JSON:
    return {"file_id": "photo-1", "file_unique_id": "p1", "width": 90, "height": 90}


def _member(user: JSON, *, creator: bool) -> JSON:
    if creator:
        return {"status": "creator", "user": user, "is_anonymous": False}
    rights = (
        "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
        "can_manage_video_chats", "can_restrict_members", "can_promote_members",
        "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
        "can_delete_stories",
    )  # fmt: skip
    return {"status": "administrator", "user": user, **{right: False for right in rights}}
