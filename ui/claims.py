"""The claims list on the awards screen (F5): a village on claims reviews, posts and credits here.

Filtered by where a claim stands (to review, posted, objected, credited, rejected); a
reviewer or supervisor accepts the selected claims (at their points) or rejects them with
the reason typed beside; the administrator posts every accepted claim and credits a
posting once its days have passed. The refusals (your own claim, a posting not ended)
come from ``pos.claims`` and show in the screen's message bar.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGroupBox, QPushButton

from pos import claims, messages
from pos.month import posting as posting_sheet
from pos.vocabulary import Area, ClaimStatus
from ui import documents, widgets
from ui.models import Column, RowsModel


def claims_model(lang: str) -> RowsModel:
    return RowsModel([
        Column(QT_TRANSLATE_NOOP("RowsModel", "编号"), lambda c: str(c.id), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "户主"), lambda c: c.head),
        Column(QT_TRANSLATE_NOOP("RowsModel", "细则"), lambda c: f"{c.rule} {c.rule_name}"),
        Column(QT_TRANSLATE_NOOP("RowsModel", "分数"), lambda c: str(c.points), right=True),
        Column(QT_TRANSLATE_NOOP("RowsModel", "状态"), lambda c: messages.word(c.status, lang)),
        Column(QT_TRANSLATE_NOOP("RowsModel", "事迹日期"), lambda c: c.deed_date.isoformat()),
        Column(QT_TRANSLATE_NOOP("RowsModel", "申报人"), lambda c: c.declared_by),
        Column(QT_TRANSLATE_NOOP("RowsModel", "公示"), lambda c: str(c.posting_id or "")),
    ])


class ClaimsBox(QGroupBox):
    """The claims, with what a reviewer and the counter do to them."""

    def __init__(self, screen):
        super().__init__(screen)
        self.setTitle(self.tr("申报（评议、公示、记分）"))
        self.setObjectName("claims")
        self.screen = screen
        self.status = widgets.choices(self, [(self.tr("全部"), None)] + [
            (messages.word(s, screen.lang), s) for s in ClaimStatus], name="claimStatus")
        self.model = claims_model(screen.lang)
        self.view = widgets.table(self.model, self, stretch=2)
        self.view.setObjectName("claimList")
        self.reason = widgets.field(self, "claimReason", self.tr("不通过的原因"))
        self.accept_button = QPushButton(self.tr("通过"), self)
        self.accept_button.setObjectName("acceptClaim")
        self.reject_button = QPushButton(self.tr("不通过"), self)
        self.reject_button.setObjectName("rejectClaim")
        self.post_button = QPushButton(self.tr("公示已通过的"), self)
        self.post_button.setObjectName("postClaims")
        self.credit_button = QPushButton(self.tr("期满记分"), self)
        self.credit_button.setObjectName("creditPosting")
        self.print_button = QPushButton(self.tr("打印公示单"), self)
        self.print_button.setObjectName("printPosting")
        self.objector = widgets.field(self, "objector", self.tr("异议人"))
        self.objection = widgets.field(self, "objection", self.tr("异议内容"))
        self.object_button = QPushButton(self.tr("登记异议"), self)
        self.object_button.setObjectName("objectClaim")
        widgets.column(self.status, (self.view, 1),
                       widgets.row((self.reason, 1), self.accept_button, self.reject_button),
                       widgets.row(self.objector, (self.objection, 1), self.object_button),
                       widgets.row(self.post_button, self.credit_button, self.print_button, widgets.STRETCH),
                       parent=self)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.accept_button.clicked.connect(lambda: self.review(True))
        self.reject_button.clicked.connect(lambda: self.review(False))
        self.post_button.clicked.connect(self.post)
        self.credit_button.clicked.connect(self.credit)
        self.object_button.clicked.connect(self.object_to)
        self.print_button.clicked.connect(self.print_posting)

    @property
    def ops(self):
        return self.screen.ops

    def reload(self) -> None:
        s, status = self.screen, self.status.currentData()
        # the newest first: what waits for review is at the top, the credited further down
        self.ops.read(lambda: claims.list_claims(s.db, s.actor, status)[::-1], bar=s.bar, done=self.model.set_rows,
                      newest=self.model)

    def review(self, accept: bool) -> None:
        s, chosen = self.screen, widgets.selected_rows(self.view)
        if not chosen:
            s.bar.refuse(self.tr("请先在申报列表中选中要评议的申报。"))
            return
        reason = self.reason.text().strip()

        def run():
            return [claims.review(s.db, s.actor, c.id, accept=accept, reason=reason) for c in chosen]

        self.ops.write(run, widget=self.accept_button if accept else self.reject_button, bar=s.bar,
                       done=self._reviewed, areas={Area.CLAIMS})

    def _reviewed(self, done) -> None:
        self.reason.clear()
        self.screen.bar.done(self.tr("已评议 %1 项申报").replace("%1", str(len(done))))

    def post(self) -> None:
        s = self.screen
        self.ops.write(lambda: claims.post(s.db, s.actor), widget=self.post_button, bar=s.bar,
                       done=self._posted, areas={Area.CLAIMS})

    def _posted(self, posting) -> None:
        self.screen.bar.done(self.tr("第 %1 期公示：%2 项，%3 至 %4").replace("%1", str(posting.id))
                             .replace("%2", str(len(posting.claims))).replace("%3", posting.starts_on.isoformat())
                             .replace("%4", posting.ends_on.isoformat()))

    def _posting(self) -> int | None:
        """The posting of the selected claims, if they are on one."""
        postings = {c.posting_id for c in widgets.selected_rows(self.view) if c.posting_id}
        if len(postings) != 1:
            self.screen.bar.refuse(self.tr("请选中一项公示中的申报，记分它所在的那期公示。"))
            return None
        return postings.pop()

    def object_to(self) -> None:
        s, chosen = self.screen, widgets.selected_rows(self.view)
        if len(chosen) != 1:
            s.bar.refuse(self.tr("请选中一项公示中的申报。"))
            return
        by, what, claim = self.objector.text().strip(), self.objection.text().strip(), chosen[0].id
        self.ops.write(lambda: claims.object_to(s.db, s.actor, claim, by, what), widget=self.object_button,
                       bar=s.bar, done=self._objected, areas={Area.CLAIMS})

    def _objected(self, held) -> None:
        self.objector.clear()
        self.objection.clear()
        self.screen.bar.done(self.tr("第 %1 号申报有异议，暂停记分，待重新评议").replace("%1", str(held.id)))

    def print_posting(self) -> None:
        s, posting = self.screen, self._posting()
        if posting is None:
            return
        where = documents.path(documents.POSTING, str(posting))

        def work():
            posting_sheet.write_pdf(s.db, s.actor, posting, where)
            return where

        self.ops.read(work, widget=self.print_button, bar=s.bar, done=self._printed)

    def _printed(self, where) -> None:
        documents.open_in_viewer(where)
        self.screen.bar.done(self.tr("公示单已生成：%1").replace("%1", str(where)))

    def credit(self) -> None:
        s, posting = self.screen, self._posting()
        if posting is None:
            return
        self.ops.write(lambda: claims.credit(s.db, s.actor, posting), widget=self.credit_button, bar=s.bar,
                       done=self._credited, areas={Area.CLAIMS, Area.LEDGER})

    def _credited(self, result) -> None:
        self.screen.bar.done(self.tr("第 %1 期公示已记分：%2 分（第 %3 笔）").replace(
            "%1", str(result.posting_id)).replace("%2", str(result.points)).replace("%3", str(result.seq)))
