"""Retention and destruction (R8): how long each original is kept and why, legal holds, the expiry queue,
policy changes with their dry run, and destruction only through a reviewed, approved and reported request.

- `profiles`: the organisations' seeded policies (fire rescue, police, emergency management);
- `policy`: classes and rules as data, and the pure evaluation "the longest class of every rule that applies";
- `triggers`: the facts of a clip that rules look at (important, site category, case kinds, mark categories);
- `assignment`: keeps each clip's class, rule and keep-until date current, auditing every change;
- `holds`: legal holds (法制/督察), which override every class;
- `expiry`: the expiry queue; `policy_change`: a policy change's dry run, and applying it;
- `destruction`, `execution`, `forms`: requests and approvals, execution with tombstones, the exported forms.
"""
