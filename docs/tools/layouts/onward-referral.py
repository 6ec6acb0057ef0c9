# Layout of processes/onward-referral.bpmn for docs/tools/tidy-diagram.py (see its header).
# Move or add shapes here, run: python3 docs/tools/tidy-diagram.py processes/onward-referral.bpmn docs/tools/layouts/onward-referral.py
keep_routes = True
size = {'Task_NotifyTeamLead': (120, 80)}
place = {'Task_NotifyTeamLead': (1320, 460)}
via = {'Flow_AskAgain': [(1950, 400), (1080, 400), (1080, 230), (1030, 230)],
       'Flow_ToDecisionFromDeadline': [(1400, 460)]}
label = {'BoundaryEvent_AnsweredByApi': (1049, 66), 'BoundaryEvent_CompletedByApi': (1569, 66),
         'Flow_AskAgain': 'end'}
for g in ['Gateway_JoinCheck', 'Gateway_ConsentAtCrossing', 'Gateway_JoinAwaitAnswer', 'Gateway_JoinAnswer', 'Gateway_Accepted',
          'Gateway_JoinCompletion', 'Gateway_ConsentAction', 'Gateway_JoinDecision', 'Gateway_Decision']:
    label[g] = 'below'
label['Flow_GivenToClient'] = (766, 262)
label['Flow_SentElsewhere'] = (1975, 426)
for g in ['Gateway_ConsentAtCrossing', 'Gateway_Accepted', 'Gateway_ConsentAction', 'Gateway_Decision']:
    label[g] = 'belowleft'
label['Gateway_Accepted'] = 'above'
label['Gateway_ConsentAction'] = 'above'
label['Flow_GivenToClient'] = (785, 325)
label['Gateway_Decision'] = (1956, 404)
label['Flow_SentElsewhere'] = (1979, 464)
label['Flow_Closed'] = 'end'
label['BoundaryEvent_AnsweredByApi'] = (1152, 60)
label['BoundaryEvent_CompletedByApi'] = (1672, 60)
label['Flow_ConsentGiven'] = (730, 351)
label['Flow_GivenToClient'] = (784, 325)
place['EndEvent_SentElsewhere'] = (2110, 460)
place['EndEvent_ClosedWithReason'] = (2110, 570)
via['Flow_SentElsewhere'] = 'auto'
via['Flow_Closed'] = 'auto'
label['Flow_SentElsewhere'] = (1981, 442)
place['Task_RecordGivenToClient'] = (900, 320)
place['EndEvent_GivenToClient'] = (1040, 320)
via['Flow_GivenToClient'] = 'auto'
via['Flow_ToGivenToClientEnd'] = 'auto'
label['Flow_GivenToClient'] = (788, 325)
