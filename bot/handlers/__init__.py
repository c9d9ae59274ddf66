"""Update handlers, grouped by audience: readers, group admins (and later curators)."""
