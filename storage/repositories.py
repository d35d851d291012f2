"""Every repository of the bot, built on one database connection."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from storage.aid import AidRepository
from storage.audit import AuditRepository
from storage.communities import CommunityRepository
from storage.db import Database
from storage.invites import InviteRepository
from storage.memberships import MembershipRepository
from storage.offers import PostRepository
from storage.offers_introductions import IntroductionRepository
from storage.offers_notices import NoticeRepository
from storage.partnerships import PartnershipRepository
from storage.reminders import ReminderRepository
from storage.requisites import RequisitesRepository
from storage.users import ChatRepository, UserRepository
from storage.visits import VisitRepository


@dataclass(frozen=True)
class Repositories:
    users: UserRepository
    chats: ChatRepository
    communities: CommunityRepository
    memberships: MembershipRepository
    invites: InviteRepository
    audit: AuditRepository
    reminders: ReminderRepository
    partnerships: PartnershipRepository
    posts: PostRepository
    introductions: IntroductionRepository
    notices: NoticeRepository
    aid: AidRepository
    visits: VisitRepository
    requisites: RequisitesRepository

    @classmethod
    def build(cls, db: Database, clock: Clock, default_tz: str) -> Repositories:
        memberships = MembershipRepository(db, clock)
        invites = InviteRepository(db, clock)
        memberships.on_change.append(invites.forget)
        return cls(
            users=UserRepository(db, clock, default_tz),
            chats=ChatRepository(db, clock, default_tz),
            communities=CommunityRepository(db, clock),
            memberships=memberships,
            invites=invites,
            audit=AuditRepository(db, clock),
            reminders=ReminderRepository(db, clock),
            partnerships=PartnershipRepository(db, clock),
            posts=PostRepository(db, clock),
            introductions=IntroductionRepository(db, clock),
            notices=NoticeRepository(db, clock),
            aid=AidRepository(db, clock),
            visits=VisitRepository(db, clock),
            requisites=RequisitesRepository(db, clock),
        )
